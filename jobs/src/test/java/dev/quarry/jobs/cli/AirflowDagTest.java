package dev.quarry.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.core.config.Json;
import dev.quarry.jobs.Quarry;
import dev.quarry.mixes.spec.MixSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * conf/airflow/quarry_dag.py, read with Python's ast (no Airflow needed): one task per stage in
 * pipeline order, retries on, paths templated by the run date, and every task's command line
 * accepted by quarry's own parser; the files it names exist in conf/ and are valid.
 */
class AirflowDagTest {
  private static final Path DAG = Path.of("..", "conf", "airflow", "quarry_dag.py");
  private static final String RUN_DATE = "2026-11-24";

  @Test
  void everyTaskIsAQuarryCommandLineThatParses() throws Exception {
    JsonNode dag = tasks();

    assertThat(dag.path("retries").asInt()).as("default retries").isGreaterThanOrEqualTo(1);
    List<String> ids = new ArrayList<>();
    for (JsonNode task : dag.path("tasks")) {
      ids.add(task.path("task_id").asText());
      assertThat(task.path("java_class").asText()).isEqualTo(Quarry.class.getName());
      List<String> args = new ArrayList<>();
      task.path("application_args").forEach(a -> args.add(a.asText().replace("{{ ds }}",
          RUN_DATE)));
      assertThat(String.join(" ", args)).as(task.path("task_id").asText())
          .contains(RUN_DATE).doesNotContain("{{");
      CommandLine.ParseResult parsed = new CommandLine(new Quarry()).parseArgs(
          args.toArray(String[]::new));
      assertThat(parsed.hasSubcommand()).isTrue();
      assertThat(parsed.subcommand().commandSpec().name()).isEqualTo(args.get(0));
    }
    assertThat(ids).containsExactly("ingest", "filter", "dedup", "mix_create");
  }

  @Test
  void theFilesTheDagNamesAreInConfAndValid() throws Exception {
    JsonNode dag = tasks();
    for (JsonNode task : dag.path("tasks")) {
      for (JsonNode arg : task.path("application_args")) {
        String value = arg.asText();
        if (value.startsWith("/opt/quarry/conf/")) {
          Path local = Path.of("..", "conf").resolve(value.substring("/opt/quarry/conf/"
              .length()));
          assertThat(local).as(value).exists();
          if (value.contains("/mixes/")) {
            MixSpec.load(local).withVariables(Map.of("work_dir", "s3a://b/" + RUN_DATE))
                .validate();
          }
        }
      }
    }
  }

  /** The DAG's tasks as dag_tasks.py prints them. */
  private static JsonNode tasks() throws IOException, InterruptedException {
    Path script = Path.of("src", "test", "resources", "airflow", "dag_tasks.py");
    Process python = new ProcessBuilder("python3", script.toString(), DAG.toString())
        .redirectErrorStream(false).start();
    String out = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(python.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(python.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(python.exitValue()).as(err).isZero();
    return Json.mapper().readTree(out);
  }
}
