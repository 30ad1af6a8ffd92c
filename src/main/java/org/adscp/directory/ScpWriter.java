package org.adscp.directory;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModifyRequest;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import java.util.List;
import org.adscp.Messages;
import org.adscp.Trace;
import org.adscp.change.AttributeChange;
import org.adscp.change.ChangeOutcome;
import org.adscp.change.PlanLdif;
import org.adscp.change.ChangeOutcome.Status;
import org.adscp.scp.ScpKeywords;

/**
 * Writes one {@link AttributeChange} to the directory, conditionally, and says how it went.
 *
 * <p>Never a blind replace: the modify deletes the exact old values and adds the new ones in one
 * request, so a DC whose values changed since they were read rejects it whole (16 noSuchAttribute)
 * and nothing is lost. An SCP that had no value gives the delete nothing to hold on to, so it is
 * read again right before the write. Only the URL and keywords of an Autodiscover URL SCP are
 * ever written; a pointer or any other SCP is refused before anything is sent.
 */
public final class ScpWriter {
  private final LDAPConnection connection;
  private final Trace trace;

  public ScpWriter(LDAPConnection connection, Trace trace) {
    this.connection = connection;
    this.trace = trace;
  }

  /** What {@link #write} would do now, without writing: planned, already-applied, conflict or refused. */
  public ChangeOutcome check(AttributeChange change) {
    return precondition(change, false);
  }

  /** Writes the change when its precondition holds, then reads the attribute back. */
  public ChangeOutcome write(AttributeChange change) {
    ChangeOutcome before = precondition(change, true);
    if (before.status() != Status.PLANNED) {
      return before;
    }
    List<Modification> mods = PlanLdif.modifications(change);
    if (mods.isEmpty()) {
      return new ChangeOutcome(change, Status.ALREADY_APPLIED, Messages.changeNothingToDo(), List.of());
    }
    trace.say(Messages.traceModify(change.dn(), change.attribute(), change.oldValues().size(), change.newValues().size()));
    try {
      connection.modify(new ModifyRequest(change.dn(), mods));
    } catch (LDAPException e) {
      ResultCode code = e.getResultCode();
      if (code == ResultCode.NO_SUCH_ATTRIBUTE || code == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
          || code == ResultCode.NO_SUCH_OBJECT) {
        // Someone was quicker: the DC refused the whole modify. Say what it holds now.
        ChangeOutcome after = precondition(change, false);
        return after.status() == Status.ALREADY_APPLIED ? after
            : new ChangeOutcome(change, Status.CONFLICT, Messages.changeConflictOnWrite(code.getName()), after.now());
      }
      return new ChangeOutcome(change, Status.FAILED, LdapFailures.describeOperation(e, Messages.modifyOf(change.dn())),
          null);
    }
    List<String> now = readValues(change.dn(), change.attribute());
    return new ChangeOutcome(change, Status.APPLIED, Messages.changeApplied(), now);
  }

  private ChangeOutcome precondition(AttributeChange change, boolean forWrite) {
    if (!AttributeChange.writable(change.attribute())) {
      return new ChangeOutcome(change, Status.REFUSED, Messages.planRecordAttributeNotAllowed(change.attribute()), null);
    }
    SearchResultEntry entry;
    try {
      entry = connection.getEntry(change.dn(), "objectClass", "keywords", change.attribute());
    } catch (LDAPException e) {
      return new ChangeOutcome(change, Status.FAILED, LdapFailures.describeOperation(e, Messages.readOf(change.dn())), null);
    }
    if (entry == null) {
      return new ChangeOutcome(change, Status.CONFLICT, Messages.changeEntryGone(), null);
    }
    String refusal = notAnAutodiscoverUrlScp(entry);
    if (refusal != null) {
      return new ChangeOutcome(change, Status.REFUSED, refusal, null);
    }
    List<String> now = values(entry, change.attribute());
    if (AttributeChange.sameValues(now, change.newValues())) {
      return new ChangeOutcome(change, Status.ALREADY_APPLIED, Messages.changeAlreadyApplied(), now);
    }
    if (!AttributeChange.sameValues(now, change.oldValues())) {
      return new ChangeOutcome(change, Status.CONFLICT, Messages.changeConflict(), now);
    }
    return new ChangeOutcome(change, Status.PLANNED, forWrite ? "" : Messages.changeWouldApply(), now);
  }

  /** Null when the entry is an Autodiscover URL SCP; otherwise why it is never written. */
  private static String notAnAutodiscoverUrlScp(SearchResultEntry entry) {
    boolean scp = false;
    for (String oc : values(entry, "objectClass")) {
      scp |= oc.equalsIgnoreCase("serviceConnectionPoint");
    }
    ScpKeywords keywords = new ScpKeywords(values(entry, "keywords"));
    if (!scp || keywords.kind().isEmpty()) {
      return Messages.changeNotAnAutodiscoverScp();
    }
    if (!keywords.marksUrl()) {
      return Messages.changePointerNeverWritten();
    }
    return null;
  }

  private List<String> readValues(String dn, String attribute) {
    try {
      SearchResultEntry entry = connection.getEntry(dn, attribute);
      return entry == null ? null : values(entry, attribute);
    } catch (LDAPException e) {
      return null;
    }
  }

  private static List<String> values(SearchResultEntry entry, String attribute) {
    String[] v = entry.getAttributeValues(attribute);
    return v == null ? List.of() : List.of(v);
  }
}
