package org.adscp.change;

import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.adscp.Messages;

/**
 * One record of a plan or rollback file as {@code apply} reads it: either a change it may
 * attempt, or the reason it refuses the record without asking the directory anything.
 *
 * @param index the record's position in the file, from 1
 */
public record PlannedRecord(int index, String dn, Optional<AttributeChange> change, String refusal) {

  static PlannedRecord of(int index, LDIFChangeRecord record) {
    String dn = record.getDN();
    if (!(record instanceof LDIFModifyChangeRecord modify)) {
      return refused(index, dn, Messages.planRecordNotModify(record.getChangeType().getName()));
    }
    String attribute = null;
    List<String> deleted = new ArrayList<>();
    List<String> added = new ArrayList<>();
    for (Modification mod : modify.getModifications()) {
      if (attribute != null && !attribute.equalsIgnoreCase(mod.getAttributeName())) {
        return refused(index, dn, Messages.planRecordSeveralAttributes());
      }
      attribute = mod.getAttributeName();
      if (mod.getModificationType() == ModificationType.DELETE && mod.hasValue()) {
        deleted.addAll(List.of(mod.getValues()));
      } else if (mod.getModificationType() == ModificationType.ADD) {
        added.addAll(List.of(mod.getValues()));
      } else {
        // a replace, or a delete of every value, would not be conditional: it could overwrite
        return refused(index, dn, Messages.planRecordNotConditional(mod.getModificationType().getName()));
      }
    }
    if (attribute == null) {
      return refused(index, dn, Messages.planRecordEmpty());
    }
    if (!AttributeChange.writable(attribute)) {
      return refused(index, dn, Messages.planRecordAttributeNotAllowed(attribute));
    }
    return new PlannedRecord(
        index, dn, Optional.of(new AttributeChange(dn, null, attribute, deleted, added, "")), null);
  }

  private static PlannedRecord refused(int index, String dn, String why) {
    return new PlannedRecord(index, dn, Optional.empty(), why);
  }
}
