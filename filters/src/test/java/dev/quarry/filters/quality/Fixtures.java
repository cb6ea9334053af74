package dev.quarry.filters.quality;

import dev.quarry.core.Document;
import dev.quarry.core.config.YamlConfig;
import dev.quarry.filters.DocumentStep;
import dev.quarry.filters.Verdict;
import dev.quarry.filters.chain.ChainConfig;
import dev.quarry.filters.chain.StepRegistry;

/** Texts every quality step keeps, and steps built from YAML as a chain would build them. */
final class Fixtures {
  static final StepRegistry REGISTRY = QualitySteps.registerQualitySteps(new StepRegistry());

  /** Five lines, five sentences, 83 words, nothing repeated. */
  static final String ENGLISH = """
      The river flows slowly through the old town, past the market and the stone bridge.
      Every morning the fishermen bring their boats to the harbour and sell what they caught.
      Visitors often stop at the small bakery near the church to buy fresh bread and cakes.
      In the summer the streets fill with music, and families eat dinner outside until late.
      The museum on the hill tells the story of the town and of the people who built it.
      """;

  static final String CHINESE = """
      北京是中国的首都，也是一座历史悠久的文化名城，每年都有很多游客来这里参观。
      城市中心有许多古老的建筑，其中最著名的是故宫，它曾经是皇帝居住的地方。
      春天的时候，公园里开满了鲜花，人们喜欢在周末带着孩子去散步和放风筝。
      这里的交通非常方便，地铁和公交车可以到达城市的每一个角落，价格也很便宜。
      如果你有机会来北京，一定要尝一尝烤鸭，这是当地最有名的传统美食之一。
      """;

  static final String JAPANESE = """
      東京は日本の首都であり、世界でも有数の大都市として多くの人に知られています。
      毎朝たくさんの人が電車で会社や学校に通い、駅はいつもとても混雑しています。
      春になると公園の桜が一斉に咲き、家族や友人と一緒にお花見を楽しむ人が増えます。
      古いお寺や神社も多く、静かな庭を歩くと都会の忙しさを忘れることができます。
      夜には高いビルの明かりがきれいに輝き、美しい景色を見に来る観光客も少なくありません。
      """;

  static final String THAI = """
      กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทยและเป็นเมืองที่ใหญ่ที่สุดในประเทศ
      ทุกวันมีนักท่องเที่ยวจำนวนมากมาเยี่ยมชมวัดและพระราชวังที่สวยงาม
      อาหารไทยมีชื่อเสียงไปทั่วโลกเพราะมีรสชาติที่เผ็ดเปรี้ยวและหวานอย่างลงตัว
      ในช่วงฤดูร้อนผู้คนมักจะเดินทางไปพักผ่อนที่ทะเลทางภาคใต้กับครอบครัว
      ตลาดน้ำเป็นสถานที่ที่น่าสนใจสำหรับผู้ที่อยากเห็นวิถีชีวิตแบบดั้งเดิม
      """;

  private Fixtures() {}

  static Document doc(String text, String lang) {
    return new Document("d", text, null, "test", null, "mem:d", null, null, lang, null, null,
        null);
  }

  static Document doc(String text) {
    return doc(text, "eng");
  }

  /** The step {@code name} with {@code params}, a YAML flow mapping such as {@code {a: 1}}. */
  static DocumentStep step(String name, String params) {
    String yaml = "steps: [{name: " + name + ", params: " + params + "}]";
    ChainConfig config = YamlConfig.parse(yaml, "test.yaml", ChainConfig.class);
    return REGISTRY.build(config, "test.yaml").get(0);
  }

  static DocumentStep step(String name) {
    return step(name, "{}");
  }

  /** The drop reason, or "keep". */
  static String verdict(DocumentStep step, String text, String lang) {
    Verdict verdict = step.apply(doc(text, lang));
    return verdict.kept() ? "keep" : verdict.dropReason();
  }

  static String verdict(DocumentStep step, String text) {
    return verdict(step, text, "eng");
  }

  /** {@code line} repeated {@code times}, one a line. */
  static String lines(String line, int times) {
    return (line + "\n").repeat(times);
  }
}
