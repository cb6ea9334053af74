package dev.quarry.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkCoresTest {
  @Test
  void localMastersSayTheirCores() {
    assertThat(SparkCores.local("local", 16)).isEqualTo(1);
    assertThat(SparkCores.local("local[2]", 16)).isEqualTo(2);
    assertThat(SparkCores.local("local[*]", 16)).isEqualTo(16);
    assertThat(SparkCores.local("local[3,2]", 16)).isEqualTo(3);
    assertThat(SparkCores.local("local[*,4]", 6)).isEqualTo(6);
  }

  @Test
  void clusterMastersAreNotLocal() {
    assertThat(SparkCores.local("yarn", 16)).isNull();
    assertThat(SparkCores.local("spark://host:7077", 16)).isNull();
    assertThat(SparkCores.local("local-cluster[2,1,1024]", 16)).isNull();
    assertThat(SparkCores.isLocal("k8s://https://api:6443")).isFalse();
    assertThat(SparkCores.isLocal("local[2]")).isTrue();
  }
}
