package io.omnihub.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The embedded database's data folder belongs to one running hub: an operating-system lock on
 * {@code <data folder>.lock}, held while the hub runs and released by the system however the hub
 * ends (kill -9 included). A second hub on the same folder is refused with a clear message instead
 * of corrupting it; a hub that finds the lock free knows a PostgreSQL running there is an orphan.
 */
final class DataFolderLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataFolderLock acquire(Path dataDirectory) throws IOException {
        Path file = dataDirectory.toAbsolutePath().normalize().resolveSibling(
                dataDirectory.toAbsolutePath().normalize().getFileName() + ".lock");
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("the data folder " + dataDirectory.toAbsolutePath().normalize()
                    + " is in use by another running hub (it holds " + file + "); two hubs cannot share one data "
                    + "folder: stop it, or give this one its own (OMNIHUB_DATA_DIR)");
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes()));
        return new DataFolderLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
