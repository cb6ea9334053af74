"""Quarry's daily pipeline as an Airflow DAG: one SparkSubmitOperator task per stage.

Each day's crawl shards go through ingest -> filter -> dedup, and the last task makes a new
version of the daily mix from that day's deduplicated documents. Paths are templated by the
run date ({{ ds }}), so a rerun or backfill of a day writes that day's directories only.

Retries are safe (docs/operations.md, "Airflow"): every stage writes into a temporary
directory and commits with its manifest and fingerprint; a retried task whose output was
committed finds it up to date and does nothing, one that failed half-way starts again from a
clean temporary directory, and `mix create` claims a new version number atomically (a failed
attempt's claimed version has no _SUCCESS and is never read or reused).

Edit the constants below for your storage and cluster. Needs
apache-airflow-providers-apache-spark and a Spark connection ("spark_default").
"""
from datetime import datetime, timedelta

from airflow import DAG
from airflow.providers.apache.spark.operators.spark_submit import SparkSubmitOperator

QUARRY_JAR = "s3a://my-bucket/quarry/quarry.jar"
MAIN_CLASS = "dev.quarry.jobs.Quarry"
CRAWL = "s3a://my-bucket/crawl"
WORK = "s3a://my-bucket/quarry/daily"
MIX_ROOT = "s3a://my-bucket/quarry/mixes"
CONF = "/opt/quarry/conf"
DAY = "{{ ds }}"

SPARK_CONF = {
    "spark.sql.shuffle.partitions": "400",
    "spark.hadoop.fs.s3a.aws.credentials.provider":
        "com.amazonaws.auth.DefaultAWSCredentialsProviderChain",
}

default_args = {
    "owner": "data",
    "retries": 3,
    "retry_delay": timedelta(minutes=10),
    "retry_exponential_backoff": True,
}

with DAG(
    dag_id="quarry_daily",
    schedule="@daily",
    start_date=datetime(2026, 11, 1),
    catchup=False,
    max_active_runs=1,
    default_args=default_args,
    tags=["quarry"],
) as dag:
    ingest = SparkSubmitOperator(
        task_id="ingest",
        application=QUARRY_JAR,
        java_class=MAIN_CLASS,
        conf=SPARK_CONF,
        application_args=[
            "ingest", "--input", f"{CRAWL}/{DAY}/*.warc.gz", "--format", "warc",
            "--source", "cc", "--output", f"{WORK}/{DAY}/ingest/cc",
        ],
    )
    filtered = SparkSubmitOperator(
        task_id="filter",
        application=QUARRY_JAR,
        java_class=MAIN_CLASS,
        conf=SPARK_CONF,
        application_args=[
            "filter", "--input", f"{WORK}/{DAY}/ingest/cc",
            "--config", f"{CONF}/filters/default.yaml",
            "--output", f"{WORK}/{DAY}/filter/cc",
        ],
    )
    dedup = SparkSubmitOperator(
        task_id="dedup",
        application=QUARRY_JAR,
        java_class=MAIN_CLASS,
        conf=SPARK_CONF,
        application_args=[
            "dedup", "--input", f"{WORK}/{DAY}/filter/cc", "--output", f"{WORK}/{DAY}/dedup",
        ],
    )
    mix = SparkSubmitOperator(
        task_id="mix_create",
        application=QUARRY_JAR,
        java_class=MAIN_CLASS,
        conf=SPARK_CONF,
        application_args=[
            "mix", "create", f"{CONF}/mixes/daily.yaml", "--root", MIX_ROOT,
            "--var", f"work_dir={WORK}/{DAY}",
        ],
    )
    ingest >> filtered >> dedup >> mix
