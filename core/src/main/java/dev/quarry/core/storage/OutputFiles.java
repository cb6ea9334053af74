package dev.quarry.core.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

/** Lists the files a job wrote, with row counts read from Parquet footers, for the manifest. */
public final class OutputFiles {
  private OutputFiles() {}

  public static List<Manifest.OutputFile> describe(Configuration conf, String directory) {
    Path dir = new Path(directory);
    List<Manifest.OutputFile> files = new ArrayList<>();
    try {
      FileSystem fs = dir.getFileSystem(conf);
      String root = fs.makeQualified(dir).toString() + "/";
      RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
      while (it.hasNext()) {
        LocatedFileStatus status = it.next();
        String name = status.getPath().getName();
        if (name.startsWith(".") || name.equals(OutputDir.SUCCESS)
            || name.equals(OutputDir.MANIFEST)) {
          continue;
        }
        String relative = fs.makeQualified(status.getPath()).toString().replace(root, "");
        Long rows = name.endsWith(".parquet") ? parquetRows(conf, status) : null;
        files.add(new Manifest.OutputFile(relative, rows, status.getLen()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list output files of " + directory, e);
    }
    files.sort(Comparator.comparing(Manifest.OutputFile::path));
    return files;
  }

  private static long parquetRows(Configuration conf, LocatedFileStatus status)
      throws IOException {
    try (ParquetFileReader reader =
        ParquetFileReader.open(HadoopInputFile.fromStatus(status, conf))) {
      return reader.getRecordCount();
    }
  }
}
