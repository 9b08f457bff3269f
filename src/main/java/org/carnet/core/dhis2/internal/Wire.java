package org.carnet.core.dhis2.internal;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * DHIS2 JSON shapes as received. Old-API and new-API names map onto one shape through aliases
 * ({@code ../docs/dhis2-api.md} §7.4); every field is optional (DHIS2 omits nulls).
 */
final class Wire {
    private Wire() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entity(@JsonAlias({"trackedEntityInstance"}) String trackedEntity, String trackedEntityType,
            String orgUnit, @JsonAlias({"created"}) String createdAt, @JsonAlias({"lastUpdated"}) String updatedAt,
            Boolean inactive, Boolean deleted, List<Attribute> attributes, List<EnrollmentDto> enrollments) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Attribute(String attribute, String code, String displayName, String valueType, String value) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record EnrollmentDto(String enrollment, String program, String status, String orgUnit,
            @JsonAlias({"enrollmentDate"}) String enrolledAt, @JsonAlias({"incidentDate"}) String occurredAt,
            @JsonAlias({"lastUpdated"}) String updatedAt, Boolean deleted, List<Attribute> attributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Programs(List<Program> programs) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Program(String id, String name, String displayName, String shortName, String code, String programType,
            String accessLevel, Ref trackedEntityType, Access access,
            List<ProgramAttribute> programTrackedEntityAttributes) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(String id, String displayName) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Access(Boolean read, DataAccess data) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record DataAccess(Boolean read, Boolean write) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgramAttribute(String id, Boolean displayInList, Boolean mandatory, Integer sortOrder,
            TrackedEntityAttribute trackedEntityAttribute) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TrackedEntityAttribute(String id, String code, String displayName, String name, String shortName,
            String valueType, Boolean unique, Boolean confidential, Boolean optionSetValue, Ref optionSet) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionSets(List<OptionSet> optionSets) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OptionSet(String id, List<Option> options) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Option(String code, String displayName, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Me(String id, String username, String displayName, String name, Credentials userCredentials,
            List<Unit> organisationUnits, List<Unit> teiSearchOrganisationUnits, List<Object> programs,
            List<String> authorities) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credentials(String username) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Unit(String id, String path, String displayName, String name, Integer level, String code) {
    }
}
