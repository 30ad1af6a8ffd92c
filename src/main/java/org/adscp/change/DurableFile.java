package org.adscp.change;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.adscp.Messages;
import org.adscp.UsageException;

/**
 * Writes a plan or a rollback so that it is on disk before the directory is touched: a new file
 * (an existing one is never overwritten: it may be the only way back from an earlier run),
 * written whole, then forced to the device.
 */
public final class DurableFile {
  private DurableFile() {}

  public static void writeNew(Path file, byte[] content) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (FileAlreadyExistsException e) {
      throw new UsageException(Messages.fileExists(file));
    } catch (IOException e) {
      throw new UsageException(Messages.cannotWrite(file, String.valueOf(e.getMessage())), e);
    }
    syncDirectory(file.toAbsolutePath().getParent());
  }

  /** The new file's directory entry must reach the disk too; not every platform allows it. */
  private static void syncDirectory(Path dir) {
    if (dir == null) {
      return;
    }
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Windows cannot open a directory this way; its file system journals the entry itself.
    }
  }

  /** Fails now, before anything is read or written, when the file exists already. */
  public static void refuseExisting(Path file) {
    if (Files.exists(file)) {
      throw new UsageException(Messages.fileExists(file));
    }
  }
}
