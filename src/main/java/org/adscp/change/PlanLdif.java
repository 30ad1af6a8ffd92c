package org.adscp.change;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFException;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFReader;
import com.unboundid.ldif.LDIFWriter;
import com.unboundid.ldif.TrailingSpaceBehavior;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adscp.Messages;
import org.adscp.UsageException;

/**
 * Plans and rollbacks as LDIF change records (RFC 2849) that OpenLDAP's {@code ldapmodify} takes
 * as they are: per SCP one {@code changetype: modify} that deletes the exact old values and adds
 * the new ones, with a comment naming the server and the reason. Values that are not plain
 * ASCII, or that begin or end with a space, are base64 ({@code ::}), as UnboundID's writer does.
 */
public final class PlanLdif {
  private PlanLdif() {}

  public static byte[] write(List<AttributeChange> changes, String header) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (LDIFWriter writer = new LDIFWriter(bytes)) {
      writer.writeVersionHeader();
      writer.writeComment(header, true, false);
      for (AttributeChange change : changes) {
        writer.writeChangeRecord(toRecord(change), comment(change));
      }
    } catch (IOException e) {
      throw new IllegalStateException("writing LDIF to memory cannot fail", e);
    }
    return bytes.toByteArray();
  }

  private static String comment(AttributeChange change) {
    return (change.server() == null ? "" : change.server() + ": ") + change.reason();
  }

  /** Built from DN and modifications, not from a ModifyRequest, so that no control line slips in. */
  static LDIFModifyChangeRecord toRecord(AttributeChange change) {
    return new LDIFModifyChangeRecord(change.dn(), modifications(change).toArray(new Modification[0]));
  }

  /**
   * The one modify of a change, the same in the plan file and on the wire: delete the exact old
   * values, add the new ones. Empty when there is nothing on either side.
   */
  public static List<Modification> modifications(AttributeChange change) {
    List<Modification> mods = new ArrayList<>();
    if (!change.oldValues().isEmpty()) {
      mods.add(new Modification(ModificationType.DELETE, change.attribute(), change.oldValues().toArray(new String[0])));
    }
    if (!change.newValues().isEmpty()) {
      mods.add(new Modification(ModificationType.ADD, change.attribute(), change.newValues().toArray(new String[0])));
    }
    return mods;
  }

  /**
   * Reads a plan or rollback back as changes. Only what adscp writes is accepted: modify records
   * whose modifications delete values and add values of one attribute; the checks of what may be
   * written (which attribute, which object) come later, against the directory.
   */
  public static List<PlannedRecord> read(Path file) {
    List<PlannedRecord> records = new ArrayList<>();
    try (LDIFReader reader = new LDIFReader(Files.newInputStream(file))) {
      reader.setTrailingSpaceBehavior(TrailingSpaceBehavior.RETAIN);
      LDIFChangeRecord record;
      int index = 0;
      while ((record = reader.readChangeRecord()) != null) {
        index++;
        records.add(PlannedRecord.of(index, record));
      }
    } catch (NoSuchFileException e) {
      throw new UsageException(Messages.planNotFound(file));
    } catch (IOException e) {
      throw new UsageException(Messages.planNotReadable(file, String.valueOf(e.getMessage())), e);
    } catch (LDIFException e) {
      throw new UsageException(Messages.planMalformed(file, e.getLineNumber() + 1, e.getExceptionMessage()), e);
    }
    if (records.isEmpty()) {
      throw new UsageException(Messages.planEmpty(file));
    }
    return records;
  }
}
