package org.dicomtools.deid.mojo;

import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.dicomtools.deid.engine.Pseudonymizer;

/**
 * Finds the secret of keyed pseudonymization (DESIGN.md decision 3), in this order:
 * <ol>
 * <li>anonymize mode: a random secret for the run, never stored;</li>
 * <li>the password of the {@code <server>} with id {@code deid.secretServerId} in
 *     {@code settings.xml}, decrypted the Maven way ({@code mvn --encrypt-password});</li>
 * <li>the environment variable named by {@code deid.secretEnv};</li>
 * </ol>
 * {@code deid.secret}, written in the pom or on the command line, is refused whatever else is set,
 * because those end up in version control, shell history and CI logs, unless
 * {@code deid.allowInsecureSecret} is set: then it is used before every other source, with a
 * warning.
 * The secret is never logged; messages name only where it came from.
 */
final class SecretSource {
    /** Where the secret came from, for the log. */
    record Resolved(Pseudonymizer keys, String origin) {
    }

    private SecretSource() {
    }

    /**
     * Resolves the secret; returns null when none is configured (the caller decides whether that is
     * an error).
     */
    static Resolved resolve(boolean anonymize, String serverId, Settings settings, SettingsDecrypter decrypter,
            String envName, Map<String, String> env, String clearSecret, boolean allowInsecure)
            throws MojoExecutionException {
        if (clearSecret != null && !clearSecret.isEmpty()) {
            // Checked first: a secret in the pom or on the command line is refused even when another
            // source would provide one, so that it never sits there unnoticed.
            if (!allowInsecure) {
                throw new MojoExecutionException("Refusing deid.secret: a secret written in the pom or on the"
                        + " command line ends up in version control, shell history and build logs.\n"
                        + "Put it in settings.xml (<server><id>" + serverId + "</id><password>...</password></server>,"
                        + " encrypted with mvn --encrypt-password) or in the environment variable " + envName
                        + ", or set deid.allowInsecureSecret=true if you accept the risk.");
            }
            if (!anonymize) {
                return new Resolved(keys(clearSecret, "deid.secret"), "deid.secret (insecure)");
            }
        }
        if (anonymize) {
            return new Resolved(Pseudonymizer.ephemeral(), "anonymize mode (random secret, never stored)");
        }
        if (serverId != null && !serverId.isBlank() && settings != null) {
            Server server = settings.getServer(serverId);
            if (server != null && server.getPassword() != null) {
                String password = server.getPassword();
                if (decrypter != null) {
                    SettingsDecryptionResult r = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
                    if (!r.getProblems().isEmpty()) {
                        throw new MojoExecutionException("The password of server '" + serverId
                                + "' in settings.xml cannot be decrypted: " + r.getProblems().get(0).getMessage());
                    }
                    password = r.getServer().getPassword();
                }
                return new Resolved(keys(password, "server '" + serverId + "' in settings.xml"),
                        "settings.xml server '" + serverId + "'");
            }
        }
        if (envName != null && !envName.isBlank()) {
            String value = env.get(envName);
            if (value != null && !value.isEmpty()) {
                return new Resolved(keys(value, "environment variable " + envName), "environment variable " + envName);
            }
        }
        return null;
    }

    private static Pseudonymizer keys(String secret, String origin) throws MojoExecutionException {
        try {
            return Pseudonymizer.of(secret);
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException("The secret from " + origin + " is too short: use at least 16"
                    + " characters (for example 32 random characters)");
        }
    }
}
