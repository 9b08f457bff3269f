package org.carnet.ui.connection;

import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.carnet.core.common.AppException;
import org.carnet.core.common.Cancellation;
import org.carnet.core.connection.ConnectionProfile;
import org.carnet.core.connection.ConnectionService;
import org.carnet.core.connection.ConnectionStore;
import org.carnet.core.connection.ProgramGuards;
import org.carnet.core.dhis2.CertificateInfo;
import org.carnet.core.dhis2.ConnectionSettings;
import org.carnet.core.dhis2.Credentials;
import org.carnet.core.dhis2.Dhis2Exception;
import org.carnet.core.dhis2.Dhis2InvalidUrlException;
import org.carnet.core.dhis2.Dhis2TlsException;
import org.carnet.core.dhis2.ServerTrust;
import org.carnet.core.guard.SensitiveCategory;
import org.carnet.core.registry.ProgramInfo;
import org.carnet.core.registry.Registry;
import org.carnet.uikit.TaskRunner;

/**
 * State and actions of the Connection tab: the form (URL, auth mode, secret, trusted certificates), testing off the FX
 * thread with progress and cancel, the result or the categorised error, trusting an untrusted certificate, saving the
 * profile and programs in the registry, and the program list (saved or just read).
 */
public final class ConnectionViewModel {
    /** How the person signs in to DHIS2. */
    public enum AuthMode { PASSWORD, TOKEN }

    /** Where the tab is. */
    public enum Phase { IDLE, TESTING, CONNECTED, FAILED }

    private final TaskRunner tasks;
    private final ObservableValue<Registry> registry;
    private final ConnectionService service;

    private final StringProperty url = new SimpleStringProperty(this, "url", "");
    private final ObjectProperty<AuthMode> authMode = new SimpleObjectProperty<>(this, "authMode", AuthMode.PASSWORD);
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty token = new SimpleStringProperty(this, "token", "");
    private final ObservableList<CertificateInfo> pinned = FXCollections.observableArrayList();
    private final ObservableList<CertificateInfo> authorities = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(this, "phase", Phase.IDLE);
    private final StringProperty progressKey = new SimpleStringProperty(this, "progressKey", "");
    private final ReadOnlyObjectWrapper<ConnectionService.Result> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyObjectWrapper<Throwable> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ReadOnlyObjectWrapper<CertificateInfo> untrusted = new ReadOnlyObjectWrapper<>(this, "untrusted");
    private final ObservableList<ProgramInfo> programs = FXCollections.observableArrayList();
    private final BooleanProperty saved = new SimpleBooleanProperty(this, "saved");
    private final BooleanProperty saving = new SimpleBooleanProperty(this, "saving");
    private final BooleanProperty hasSavedProfile = new SimpleBooleanProperty(this, "hasSavedProfile");
    private final BooleanBinding urlValid;
    private final BooleanBinding canTest;
    private final BooleanBinding canSave;
    private Cancellation running;

    public ConnectionViewModel(TaskRunner tasks, ObservableValue<Registry> registry, ConnectionService service) {
        this.tasks = tasks;
        this.registry = registry;
        this.service = service;
        urlValid = Bindings.createBooleanBinding(() -> normalizedUrl().isPresent(), url);
        BooleanBinding secretGiven = Bindings.createBooleanBinding(() -> authMode.get() == AuthMode.PASSWORD
                ? !username.get().isBlank() && !password.get().isEmpty() : !token.get().isBlank(),
                authMode, username, password, token);
        canTest = urlValid.and(secretGiven).and(phase.isNotEqualTo(Phase.TESTING));
        canSave = phase.isEqualTo(Phase.CONNECTED).and(saved.not()).and(saving.not())
                .and(Bindings.createBooleanBinding(() -> registry.getValue() != null, registry));
        // editing the form after a test makes its result stale
        for (ObservableValue<?> v : List.of(url, authMode, username, password, token)) {
            v.addListener((o, a, b) -> formChanged());
        }
    }

    private void formChanged() {
        if (phase.get() == Phase.CONNECTED || phase.get() == Phase.FAILED) {
            phase.set(Phase.IDLE);
            result.set(null);
            error.set(null);
            untrusted.set(null);
        }
        saved.set(false);
    }

    /** The URL as Carnet will use it (trailing slash and /api removed), if it is valid. */
    public Optional<String> normalizedUrl() {
        try {
            return Optional.of(ConnectionSettings.normalizeUrl(url.get()).toString());
        } catch (Dhis2InvalidUrlException e) {
            return Optional.empty();
        }
    }

    /** Fills the form from the saved connection and shows the saved programs (offline). */
    public void load() {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        tasks.run("connection-load", p -> {
            ConnectionStore store = new ConnectionStore(r);
            return new Loaded(store.profile(ConnectionStore.DEFAULT_ID).orElse(null),
                    store.settings(ConnectionStore.DEFAULT_ID).orElse(null), store.programs());
        }, loaded -> {
            programs.setAll(loaded.programs());
            if (loaded.settings() != null) {
                fill(loaded.settings());
                hasSavedProfile.set(true);
                saved.set(true);
            }
        }, e -> error.set(e));
    }

    private record Loaded(ConnectionProfile profile, ConnectionSettings settings, List<ProgramInfo> programs) {
    }

    private void fill(ConnectionSettings s) {
        url.set(s.baseUrl().toString());
        if (s.credentials() instanceof Credentials.Basic b) {
            authMode.set(AuthMode.PASSWORD);
            username.set(b.username());
            password.set(new String(b.password()));
        } else if (s.credentials() instanceof Credentials.Token t) {
            authMode.set(AuthMode.TOKEN);
            token.set(new String(t.token()));
        }
        s.credentials().wipe();
        pinned.setAll(s.trust().pinned());
        authorities.setAll(s.trust().authorities());
    }

    /** Fills the form with a server's address and account (the built-in demo server). */
    public void fill(String serverUrl, String user, String secret) {
        authMode.set(AuthMode.PASSWORD);
        url.set(serverUrl);
        username.set(user);
        password.set(secret);
        pinned.clear();
        authorities.clear();
    }

    ConnectionSettings settings() throws Dhis2InvalidUrlException {
        Credentials c = authMode.get() == AuthMode.PASSWORD
                ? new Credentials.Basic(username.get().strip(), password.get().toCharArray())
                : new Credentials.Token(token.get().strip().toCharArray());
        return ConnectionSettings.of(url.get(), c).withTrust(new ServerTrust(new ArrayList<>(pinned),
                new ArrayList<>(authorities)));
    }

    /** Tests the connection off the FX thread; {@code then} runs on success (for example a save). */
    public void test(Runnable then) {
        if (!canTest.get()) {
            return;
        }
        ConnectionSettings s;
        try {
            s = settings();
        } catch (Dhis2InvalidUrlException e) {
            fail(e);
            return;
        }
        Cancellation cancel = new Cancellation();
        running = cancel;
        phase.set(Phase.TESTING);
        progressKey.set("connection.progress.server");
        error.set(null);
        result.set(null);
        untrusted.set(null);
        tasks.run("dhis2-test", p -> service.test(s, null, p, cancel), key -> {
            if (running == cancel) {
                progressKey.set(key);
            }
        }, r -> {
            s.credentials().wipe();
            if (running != cancel) {
                return;
            }
            running = null;
            result.set(r);
            programs.setAll(r.judged());
            phase.set(Phase.CONNECTED);
            if (then != null) {
                then.run();
            }
        }, e -> {
            s.credentials().wipe();
            if (running != cancel) {
                return;
            }
            running = null;
            fail(e);
        });
    }

    public void test() {
        test(null);
    }

    private void fail(Throwable e) {
        error.set(e);
        if (e instanceof Dhis2TlsException tls && tls.reason() == Dhis2TlsException.Reason.UNTRUSTED) {
            untrusted.set(tls.certificate().orElse(null));
        }
        phase.set(Phase.FAILED);
    }

    /** Stops a running test; the form is left as it was. */
    public void cancel() {
        Cancellation c = running;
        if (c != null) {
            running = null;
            c.cancel();
            phase.set(Phase.IDLE);
        }
    }

    /** Pins the certificate the server presented (after the person checked its fingerprint) and tests again. */
    public void trustPresentedCertificate() {
        CertificateInfo c = untrusted.get();
        if (c != null && !pinned.contains(c)) {
            pinned.add(c);
            untrusted.set(null);
            test();
        }
    }

    /** Adds the CA certificates of a PEM text. */
    public int importAuthorities(String pem) throws CertificateException {
        List<CertificateInfo> certs = CertificateInfo.fromPem(pem);
        int added = 0;
        for (CertificateInfo c : certs) {
            if (!authorities.contains(c)) {
                authorities.add(c);
                added++;
            }
        }
        formChanged();
        return added;
    }

    public void removeCertificate(CertificateInfo c) {
        pinned.remove(c);
        authorities.remove(c);
        formChanged();
    }

    /** Saves the tested connection, its secret and the programs in the registry. */
    public void save() {
        save(null);
    }

    /** Saves the tested connection, then runs {@code then} (on the FX thread) if that worked. */
    public void save(Runnable then) {
        ConnectionService.Result r = result.get();
        Registry reg = registry.getValue();
        if (r == null || reg == null || saving.get()) {
            return;
        }
        ConnectionSettings s;
        try {
            s = settings();
        } catch (Dhis2InvalidUrlException e) {
            fail(e);
            return;
        }
        saving.set(true);
        ConnectionSettings toSave = s.withTrust(r.settings().trust());
        tasks.run("connection-save", p -> {
            ConnectionStore store = new ConnectionStore(reg);
            store.save(ConnectionStore.DEFAULT_ID, toSave, r.test());
            if (!r.orgUnits().isEmpty()) {
                store.saveOrgUnits(r.orgUnits());
            }
            return store.savePrograms(r.programs());
        }, cached -> {
            programs.setAll(cached);
            saving.set(false);
            saved.set(true);
            hasSavedProfile.set(true);
            if (then != null) {
                then.run();
            }
        }, e -> {
            saving.set(false);
            error.set(e);
        });
    }

    /** The category of the current error (for the error panel's title), or empty. */
    public Optional<String> errorCategory() {
        Throwable e = error.get();
        if (e instanceof Dhis2Exception d) {
            return Optional.of(d.category());
        }
        return e == null ? Optional.empty() : Optional.of(e instanceof AppException ? "app" : "unexpected");
    }

    public StringProperty urlProperty() {
        return url;
    }

    public ObjectProperty<AuthMode> authModeProperty() {
        return authMode;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty tokenProperty() {
        return token;
    }

    public ObservableList<CertificateInfo> pinnedCertificates() {
        return pinned;
    }

    public ObservableList<CertificateInfo> authorityCertificates() {
        return authorities;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public StringProperty progressKeyProperty() {
        return progressKey;
    }

    public ReadOnlyObjectProperty<ConnectionService.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Throwable> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<CertificateInfo> untrustedCertificateProperty() {
        return untrusted.getReadOnlyProperty();
    }

    /**
     * Sets the guard category of an attribute of a saved program (removing a sensitive one needs {@code reason}); the
     * program is replaced in {@link #programs()}. {@code onDone} gets null on success, else the error.
     */
    public void setGuardCategory(String programUid, String attributeUid, SensitiveCategory category, String reason,
            Consumer<Throwable> onDone) {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        tasks.run("guard-set", p -> new ProgramGuards(r).setCategory(programUid, attributeUid, category, reason),
                updated -> {
                    replaceProgram(updated);
                    onDone.accept(null);
                }, onDone::accept);
    }

    /** Sets (or, when blank, clears) the neutral public label of a saved program. */
    public void setPublicLabel(String programUid, String label, Consumer<Throwable> onDone) {
        Registry r = registry.getValue();
        if (r == null) {
            return;
        }
        tasks.run("guard-label", p -> new ProgramGuards(r).setPublicLabel(programUid, label), updated -> {
            replaceProgram(updated);
            onDone.accept(null);
        }, onDone::accept);
    }

    private void replaceProgram(ProgramInfo updated) {
        for (int i = 0; i < programs.size(); i++) {
            if (programs.get(i).uid().equals(updated.uid())) {
                programs.set(i, updated);
                return;
            }
        }
    }

    public ObservableList<ProgramInfo> programs() {
        return programs;
    }

    public BooleanProperty savedProperty() {
        return saved;
    }

    public BooleanProperty savingProperty() {
        return saving;
    }

    public BooleanProperty hasSavedProfileProperty() {
        return hasSavedProfile;
    }

    public BooleanBinding urlValidProperty() {
        return urlValid;
    }

    public BooleanBinding canTestProperty() {
        return canTest;
    }

    public BooleanBinding canSaveProperty() {
        return canSave;
    }
}
