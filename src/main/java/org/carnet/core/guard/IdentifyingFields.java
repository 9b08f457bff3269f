package org.carnet.core.guard;

import java.util.List;
import java.util.Set;

/**
 * Decides whether an attribute's values identify a person directly: names, dates of birth, phone numbers, e-mail
 * addresses, postal addresses, coordinates and identity numbers. Such values may go on the person's own card but never
 * into an analytics export or a log. DHIS2's own {@code unique} and {@code confidential} flags count as identifying
 * too. Errs on the side of excluding: an excluded column costs an analyst a column, a leaked one costs a person their
 * privacy. Pure and thread-safe.
 */
public final class IdentifyingFields {
    /** Value types whose values are identifying whatever the attribute is called. */
    private static final Set<String> VALUE_TYPES = Set.of("PHONE_NUMBER", "EMAIL", "COORDINATE", "GEOJSON", "IMAGE",
            "FILE_RESOURCE", "URL", "USERNAME");
    /** One of these words in the name, short name or code makes an attribute identifying (folded and stemmed). */
    private static final Set<String> WORDS = Set.of(
            // names
            "name", "surname", "firstname", "lastname", "nom", "prenom", "nome", "apelido", "sobrenome", "alias",
            // birth
            "birth", "dob", "born", "birthdate", "birthday", "naissance", "nascimento", "nascido", "ddn",
            // contact
            "phone", "telephone", "mobile", "cellphone", "portable", "telefone", "celular", "telemovel", "whatsapp",
            "email", "mail", "courriel", "address", "adresse", "endereco", "morada", "domicile", "residence",
            "residencia", "street", "rue", "rua", "gps", "coordinate", "coordinates", "latitude", "longitude",
            "geolocation",
            // identity documents and numbers
            "id", "identifier", "identifiant", "identification", "identificacao", "identite", "identidade", "identity",
            "passport", "passeport", "passaporte", "cni", "nin", "nina", "nhis", "snis", "ssn", "uic", "bi", "nif",
            "nuit", "cpf", "matricule", "registration", "enregistrement", "dossier", "mrn", "nationalid", "nid",
            "photo", "photograph", "portrait", "signature", "fingerprint", "empreinte");
    /** "number" counts when it sits next to one of these: card, file, client, patient, household numbers. */
    private static final Set<String> NUMBER = Set.of("number", "numero", "no", "n", "num");
    private static final Set<String> NUMBER_CONTEXT = Set.of("card", "carte", "cartao", "file", "fiche", "client",
            "patient", "household", "menage", "agregado", "national", "unique", "record", "folder", "member", "membre",
            "membro", "beneficiary", "beneficiaire", "beneficiario", "contact", "serial");

    private final Lexicon lexicon;

    /** The detector with the shipped lexicon's folding and stop words. */
    public IdentifyingFields() {
        this(Lexicon.shipped());
    }

    IdentifyingFields(Lexicon lexicon) {
        this.lexicon = lexicon;
    }

    /**
     * Whether the attribute's values identify a person.
     *
     * @param unique       DHIS2's {@code unique} flag (a value belongs to one person only)
     * @param confidential DHIS2's {@code confidential} flag (the server itself protects it)
     */
    public boolean identifying(AttributeDescription a, boolean unique, boolean confidential) {
        if (unique || confidential) {
            return true;
        }
        if (a.valueType() != null && VALUE_TYPES.contains(a.valueType())) {
            return true;
        }
        return words(a.name()) || words(a.shortName()) || words(a.code());
    }

    private boolean words(String text) {
        List<String> tokens = lexicon.tokens(text);
        boolean number = false;
        boolean context = false;
        for (String t : tokens) {
            if (WORDS.contains(t)) {
                return true;
            }
            number |= NUMBER.contains(t);
            context |= NUMBER_CONTEXT.contains(t);
        }
        return number && context;
    }
}
