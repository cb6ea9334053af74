package dev.quarry.jobs.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.core.Document;
import dev.quarry.filters.pii.PiiStep;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The default PII step on the sample pages: every value the generator planted is scrubbed. */
class SamplePiiTest {

  @Test
  void theDefaultScrubberFindsEveryPlantedValueInTheSamplePages() throws Exception {
    PlantedPii planted = PlantedPii.inSamples();
    assertThat(planted.values()).hasSizeGreaterThanOrEqualTo(39);
    Map<String, Integer> plantedPerPage = new HashMap<>();
    planted.values().forEach(v -> plantedPerPage.merge(v.page(), 1, Integer::sum));

    PiiStep step = new PiiStep(PiiStep.Params.defaults());
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(
        PlantedPii.SAMPLES.resolve("jsonl").resolve("quarry-sample.jsonl"));
    int pagesWithPii = 0;
    for (String line : lines) {
      JsonNode page = json.readTree(line);
      String id = page.get("id").asText();
      Document scrubbed = step.apply(new Document(id, page.get("text").asText(),
          page.get("url").asText(), "sample", null, "samples/jsonl", null, null, null, null,
          null, null)).document();
      planted.assertNoneIn("scrubbed page " + id, scrubbed.text());
      int found = scrubbed.attrs().get(PiiStep.TOTAL_ATTR).intValue();
      assertThat(found).as("values scrubbed in %s", id)
          .isEqualTo(plantedPerPage.getOrDefault(id, 0));
      pagesWithPii += found > 0 ? 1 : 0;
    }
    assertThat(pagesWithPii).isEqualTo(plantedPerPage.size());
  }
}
