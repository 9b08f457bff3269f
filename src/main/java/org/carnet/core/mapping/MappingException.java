package org.carnet.core.mapping;

import java.util.List;
import org.carnet.core.common.AppException;

/** A mapping refused because of blocking problems; {@link #issues()} lists them all. */
public final class MappingException extends AppException {
    private final transient List<MappingIssue> issues;

    public MappingException(List<MappingIssue> issues) {
        super("error.mapping.invalid", "mapping refused: " + issues.stream().filter(MappingIssue::blocking)
                .map(i -> i.kind() + "(" + i.field() + ")").toList(), issues.stream().filter(MappingIssue::blocking)
                .count());
        this.issues = List.copyOf(issues);
    }

    public List<MappingIssue> issues() {
        return issues;
    }
}
