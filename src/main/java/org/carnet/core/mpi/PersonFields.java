package org.carnet.core.mpi;

/**
 * The identity fields of one source record as the source wrote them (DHIS2 attribute values, a legacy CSV row).
 * Any field may be null. Personal data: {@link #toString()} prints the id only.
 *
 * @param id          the record's id in its source (DHIS2 tracked entity uid, CSV id)
 * @param district    the commune's parent (DHIS2 district), when known
 */
public record PersonFields(String id, String firstName, String lastName, String dateOfBirth, String sex,
        String commune, String district) {

    @Override
    public String toString() {
        return "PersonFields[" + id + "]";
    }
}
