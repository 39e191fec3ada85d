package vn.gandan.deploy.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the H2 file can no longer be written, the handler that ends the store's process hears of it. The file is a
 * real one on disk, whose writes start failing as a full disk's do.
 */
class LocalMongoStoreFailureIntegrationTests {

    private final FailingPath failingFiles = new FailingPath();

    @TempDir
    Path dir;

    @BeforeEach
    void registerFailingFiles() {
        FilePath.register(failingFiles);
    }

    @AfterEach
    void unregisterFailingFiles() {
        FailingPath.failing = false;
        FilePath.unregister(failingFiles);
    }

    @Test
    void aWriteThatFailsInTheBackgroundReachesTheFailureHandler() {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        MVStore store = LocalMongo.openH2("failing:" + dir.resolve("store.mv"), failure::set);
        try {
            MVMap<String, String> petitions = store.openMap("petitions");
            petitions.put("p1", "received");
            store.commit();
            assertThat(failure.get()).as("a write that succeeds").isNull();

            FailingPath.failing = true;
            petitions.put("p2", "received");

            // the background writer saves within a second (H2's auto-commit delay)
            await().atMost(Duration.ofSeconds(15)).until(() -> failure.get() != null);
            assertThat(failure.get())
                    .isInstanceOf(MVStoreException.class)
                    .hasRootCauseInstanceOf(IOException.class)
                    .hasRootCauseMessage("no space left (test)");
        } finally {
            store.closeImmediately();
        }
    }

    /** {@code failing:<path>}: a file on disk whose writes throw while {@link #failing} is set. */
    public static final class FailingPath extends FilePathWrapper {

        static volatile boolean failing;

        @Override
        public String getScheme() {
            return "failing";
        }

        @Override
        public FileChannel open(String mode) throws IOException {
            return new FailingChannel(super.open(mode));
        }
    }

    private static final class FailingChannel extends FileBase {

        private final FileChannel file;

        FailingChannel(FileChannel file) {
            this.file = file;
        }

        private static void check() throws IOException {
            if (FailingPath.failing) {
                throw new IOException("no space left (test)");
            }
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            check();
            return file.write(src);
        }

        @Override
        public synchronized int write(ByteBuffer src, long position) throws IOException {
            check();
            return file.write(src, position);
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public synchronized int read(ByteBuffer dst, long position) throws IOException {
            return file.read(dst, position);
        }

        @Override
        public long position() throws IOException {
            return file.position();
        }

        @Override
        public FileChannel position(long newPosition) throws IOException {
            file.position(newPosition);
            return this;
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            file.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            check();
            file.force(metaData);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return file.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            file.close();
        }
    }
}
