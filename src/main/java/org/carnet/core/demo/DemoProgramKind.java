package org.carnet.core.demo;

/** The programs of the demo database; {@link DemoDataset#programUid(DemoProgramKind)} gives their UIDs. */
public enum DemoProgramKind {
    /** Measles–rubella vaccination campaign (tracker, OPEN). Children, caretaker phone, an attribute without code. */
    VACCINATION(true),
    /** Antenatal care, « consultation prénatale » (tracker, AUDITED). Women 15–49, sometimes two pregnancies. */
    ANTENATAL_CARE(true),
    /** HIV testing and care (tracker, PROTECTED) with attributes in all 7 sensitive categories. */
    HIV_CARE(true),
    /** Nutrition follow-up (tracker) whose metadata the demo user can read but whose data it cannot. */
    NUTRITION(true),
    /** Malaria rapid tests, an event program WITHOUT_REGISTRATION: never holds tracked entities. */
    MALARIA_EVENTS(false);

    private final boolean tracker;

    DemoProgramKind(boolean tracker) {
        this.tracker = tracker;
    }

    /** True for WITH_REGISTRATION (tracker) programs. */
    public boolean tracker() {
        return tracker;
    }
}
