package org.carnet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** ArchUnit condition: a class uses {@code org.carnet.core.<feature>.internal..} of a feature other than its own. */
final class InternalAccess {
    private InternalAccess() {
    }

    static String featureOf(String pkg) {
        if (!pkg.startsWith("org.carnet.core.")) {
            return null;
        }
        String rest = pkg.substring("org.carnet.core.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static boolean isInternal(String pkg) {
        return pkg.startsWith("org.carnet.core.") && (pkg.contains(".internal.") || pkg.endsWith(".internal"));
    }

    static ArchCondition<JavaClass> notAccessAnotherFeaturesInternals() {
        return new ArchCondition<>("not access the internal package of another feature") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String own = featureOf(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (isInternal(target) && !featureOf(target).equals(own)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                    }
                }
            }
        };
    }
}
