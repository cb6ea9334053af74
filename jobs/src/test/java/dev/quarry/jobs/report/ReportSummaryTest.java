package dev.quarry.jobs.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {
  @Test
  void oneScreenWithTheFunnelReasonsDuplicatesPiiMixAndTimes() {
    List<String> lines = ReportSummary.lines(ReportBuilderTest.REPORT);
    assertThat(lines).hasSizeLessThanOrEqualTo(24);
    String text = String.join("\n", lines);
    assertThat(text)
        .contains("funnel:    350 raw records → 200 after ingest → 160 after filter → 100 after "
            + "dedup → 70 in the mix demo@v0001 (90 with repeats, 50,000 tokens)")
        .contains("ingest:    150 removed: skipped_request_record 140, non_html_payload 8, "
            + "corrupt_warc_header 2")
        .contains("filter:    40 removed: gopher_too_few_words 30, language_undetermined 10")
        .contains("dupes:     37.5% of 160 documents (40 exact, 20 near)")
        .contains("languages: eng 75, deu 25, und 0 (kept by dedup)")
        .contains("pii:       20 replaced (email 14, ip_address 6)")
        .contains("english 30,010 of 30,000 tokens (60.0%, asked 60.0%)")
        .contains("dedup 10.0 s (earlier)");
  }
}
