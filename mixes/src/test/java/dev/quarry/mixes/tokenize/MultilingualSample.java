package dev.quarry.mixes.tokenize;

import java.util.List;

/** Text the tokenizer tests encode: many scripts, emoji, source code and whitespace runs. */
final class MultilingualSample {
  static final List<String> TEXTS = List.of(
      "Hello, world! It's a fine day; we'll see what they've done, I'm sure.",
      "Les élèves étaient déjà là à l'heure où l'été s'achève, n'est-ce pas ?",
      "Größenwahn: Über die Brücke fahren Straßenbahnen, sagt Jürgen Müller.",
      "Съешь же ещё этих мягких французских булок, да выпей чаю.",
      "Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Καλημέρα κόσμε!",
      "نص حكيم له سر قاطع وذو شأن عظيم مكتوب على ثوب أخضر ومغلف بجلد أزرق.",
      "我能吞下玻璃而不伤身体。数据管道每天处理十亿个文档。",
      "いろはにほへと ちりぬるを。東京の天気は晴れです、カタカナもテストします。",
      "다람쥐 헌 쳇바퀴에 타고파. 데이터 파이프라인은 매일 실행됩니다.",
      "ऋषियों को सताने वाले दुष्ट राक्षसों के राजा रावण का सर्वनाश करने वाले विष्णु।",
      "Ship it 🚀🔥 — family 👩‍👩‍👧‍👦, flags 🇫🇷🇯🇵, skin 👍🏽, done ✅.",
      "public static int sum(int[] xs) {\n\tint s = 0;\n\tfor (int x : xs) s += x;\n"
          + "\treturn s; // O(n)\n}\n",
      "def f(x):\n    if x <= 0:\n        return {'a': [1, 2.5e-3]}\n    return None\n",
      "a  b   c\t\t d\n\n\n  e    \r\n   f        ",
      "   leading spaces and trailing ones   ",
      "Prices: 1234567 €, 3.14159, 1,000,000 and 2026-11-24T06:50:00Z.",
      "non\u00a0breaking\u2003em\u3000ideographic\u2028line\u0085next",
      "Mixed: Zürich 東京 Москва القاهرة दिल्ली 서울 Αθήνα 🏙️ 123",
      "HTML <div class=\"x\">&amp;</div> and a literal <|endoftext|> in the text.");

  private MultilingualSample() {}
}
