package dev.quarry.mixes.shards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

class TokenDtypeTest {
  @Test
  void megatronSwitchesToInt32At65500() {
    assertThat(TokenDtype.megatron(50_257)).isEqualTo(TokenDtype.UINT16);
    assertThat(TokenDtype.megatron(65_499)).isEqualTo(TokenDtype.UINT16);
    assertThat(TokenDtype.megatron(65_500)).isEqualTo(TokenDtype.INT32);
    assertThat(TokenDtype.megatron(100_277)).isEqualTo(TokenDtype.INT32);
  }

  @Test
  void olmoSwitchesToUint32Above65536() {
    assertThat(TokenDtype.olmo(50_280)).isEqualTo(TokenDtype.UINT16);
    assertThat(TokenDtype.olmo(65_536)).isEqualTo(TokenDtype.UINT16);
    assertThat(TokenDtype.olmo(65_537)).isEqualTo(TokenDtype.UINT32);
  }

  @Test
  void widthsAndMegatronCodes() {
    assertThat(TokenDtype.UINT16.bytes()).isEqualTo(2);
    assertThat(TokenDtype.INT32.bytes()).isEqualTo(4);
    assertThat(TokenDtype.UINT32.bytes()).isEqualTo(4);
    assertThat(TokenDtype.UINT16.megatronCode()).isEqualTo(8);
    assertThat(TokenDtype.INT32.megatronCode()).isEqualTo(4);
    assertThat(TokenDtype.ofMegatronCode(8)).isEqualTo(TokenDtype.UINT16);
    assertThat(TokenDtype.ofMegatronCode(4)).isEqualTo(TokenDtype.INT32);
    assertThatThrownBy(() -> TokenDtype.ofMegatronCode(3))
        .hasMessageContaining("code 3").hasMessageContaining("8 (uint16) or 4 (int32)");
    assertThatThrownBy(TokenDtype.UINT32::megatronCode)
        .hasMessageContaining("UINT32 has no Megatron dtype code");
  }

  @Test
  void vocabularySizeMustBePositive() {
    assertThatThrownBy(() -> TokenDtype.megatron(0)).hasMessageContaining("vocabulary size 0");
    assertThatThrownBy(() -> TokenDtype.olmo(-1)).hasMessageContaining("vocabulary size -1");
  }

  @Test
  void tokenTooLargeForTheDtypeIsNamed() {
    TokenDtype.UINT16.requireFits(65_535);
    TokenDtype.INT32.requireFits(Integer.MAX_VALUE);
    TokenDtype.UINT32.requireFits(70_000);
    assertThat(TokenDtype.UINT16.fits(65_536)).isFalse();
    assertThatThrownBy(() -> TokenDtype.UINT16.requireFits(70_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("token id 70000").hasMessageContaining("UINT16")
        .hasMessageContaining("the vocabulary is larger than the dtype allows");
    assertThatThrownBy(() -> TokenDtype.INT32.requireFits(-5))
        .hasMessageContaining("token id -5 is negative");
  }

  @Test
  void writersRefuseATokenThatDoesNotFitAndWriteNothingOfIt() throws Exception {
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    try (MegatronShardWriter writer = new MegatronShardWriter(bin, new ByteArrayOutputStream(),
        TokenDtype.UINT16)) {
      writer.add(new int[] {1, 0}, 2);
      assertThatThrownBy(() -> writer.add(new int[] {3, 70_000, 0}, 3))
          .hasMessageContaining("document 1, token 1").hasMessageContaining("token id 70000")
          .hasMessageContaining("UINT16");
      MegatronShardWriter.Result result = writer.finish();
      assertThat(result.documents()).isEqualTo(1);
      assertThat(result.tokens()).isEqualTo(2);
    }
    assertThat(bin.toByteArray()).containsExactly(1, 0, 0, 0);
  }

  @Test
  void writersRefuseADtypeTheirFormatLacks() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertThatThrownBy(() -> new MegatronShardWriter(out, out, TokenDtype.UINT32))
        .hasMessageContaining("TokenDtype.megatron(vocabSize)");
    assertThatThrownBy(() -> new OlmoShardWriter(out, out, TokenDtype.INT32))
        .hasMessageContaining("TokenDtype.olmo(vocabSize)");
    assertThat(out.size()).isZero();
  }
}
