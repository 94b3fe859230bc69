package org.dicomtools.deid.engine;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import com.google.gson.stream.JsonWriter;

import org.dicomtools.deid.dicom.Implementation;
import org.dicomtools.deid.profile.Option;

/**
 * {@code deid-log.json}, the audit record of a deidentify run: when, which plugin version, which
 * profile (name, standard edition, content hash, sources, options), how the secret was used (keyed
 * or anonymize mode, with the key id that tells secrets apart without revealing them), counts per
 * action, files processed, skipped and failed with reasons, defence-in-depth hits per tag and the
 * throughput. It never contains a patient value; file names of failed inputs are relative to the
 * input folder. Each run replaces {@code deid-log.json} and keeps a copy as
 * {@code logs/deid-log-<UTC time>.json}, so the work directory holds the history of every run.
 */
final class AuditLog {
    private AuditLog() {
    }

    /** Name of the folder, next to the log, that keeps a copy of every run's log. */
    static final String HISTORY = "logs";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    static void write(Path file, DeidRequest req, RunSummary s, Map<String, Integer> defenceByTag) throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        SecureFiles.writeAtomically(file, true, out -> {
            JsonWriter w = new JsonWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.setIndent("  ");
            w.beginObject();
            w.name("date").value(now.toString());
            w.name("plugin").beginObject().name("name").value("deid-maven-plugin")
                    .name("version").value(Implementation.PLUGIN_VERSION).endObject();
            w.name("profile").beginObject()
                    .name("name").value(req.profile().name())
                    .name("standard").value(req.profile().standard())
                    .name("contentHash").value(req.profile().contentHash());
            w.name("sources").beginArray();
            for (String src : req.profile().sources()) {
                w.value(src);
            }
            w.endArray();
            w.name("options").beginArray();
            for (Option o : req.profile().options()) {
                w.value(o.keyword());
            }
            w.endArray().endObject();
            w.name("secret").beginObject()
                    .name("mode").value(req.keys().isEphemeral() ? "anonymize" : "keyed")
                    .name("keyId").value(req.keys().isEphemeral() ? null : req.keys().keyId()).endObject();
            w.name("shard").value(req.shard().toString());
            w.name("files").beginObject()
                    .name("in").value(s.filesIn())
                    .name("written").value(s.written())
                    .name("upToDate").value(s.upToDate())
                    .name("otherShards").value(s.otherShard())
                    .name("failed").value(s.failed())
                    .name("flaggedForReview").value(s.review())
                    .name("removed").value(s.removed()).endObject();
            w.name("actions").beginObject();
            for (Map.Entry<String, Integer> e : new java.util.TreeMap<>(s.actions()).entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject();
            w.name("defenceInDepth").beginObject().name("cleanedValues").value(s.defenceHits());
            w.name("byTag").beginObject();
            for (Map.Entry<String, Integer> e : defenceByTag.entrySet()) {
                w.name(e.getKey()).value(e.getValue());
            }
            w.endObject().endObject();
            w.name("problems").beginArray();
            for (RunSummary.Problem p : s.problems()) {
                w.beginObject().name("file").value(p.file()).name("kind").value(p.kind())
                        .name("message").value(p.message()).endObject();
            }
            w.endArray();
            w.name("timing").beginObject()
                    .name("seconds").value(Math.round(s.nanos() / 1e6) / 1e3)
                    .name("filesPerSecond").value(Math.round(s.filesPerSecond() * 10) / 10.0)
                    .name("megabytesPerSecond").value(Math.round(s.megabytesPerSecond() * 10) / 10.0).endObject();
            w.endObject();
            w.flush();
        });
        Path history = SecureFiles.ownerOnlyDirectory(file.toAbsolutePath().getParent().resolve(HISTORY));
        String stem = "deid-log-" + STAMP.format(now);
        Path copy = history.resolve(stem + ".json");
        for (int n = 2; Files.exists(copy); n++) {
            copy = history.resolve(stem + "-" + n + ".json");
        }
        Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
    }
}
