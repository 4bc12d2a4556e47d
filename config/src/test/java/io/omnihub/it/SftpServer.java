package io.omnihub.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.subsystem.SubsystemFactory;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * A real SFTP server (Apache MINA SSHD) for file-drop targets: password login omnihub /
 * it-sftp-password, files under {@code target/it-sftp}, the host key committed in
 * {@code src/test/resources/sftp} (fingerprint SHA256:et8JyKVL7Pd7qQ/eONK7eL6iKz1PAVaAvHMtIIeCoo4,
 * configured on the target).
 */
@TestComponent
public class SftpServer implements DisposableBean {

    static final int PORT = 31022;
    static final Path ROOT = Path.of("target/it-sftp");

    private final SshServer server;

    SftpServer() throws IOException {
        // what earlier runs wrote must not count for this one
        org.springframework.util.FileSystemUtils.deleteRecursively(ROOT);
        Files.createDirectories(ROOT);
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(PORT);
        server.setKeyPairProvider(new FileKeyPairProvider(Path.of("src/test/resources/sftp/host_key")));
        server.setPasswordAuthenticator((user, password, session) -> "omnihub".equals(user)
                && "it-sftp-password".equals(password));
        server.setSubsystemFactories(List.<SubsystemFactory>of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(ROOT.toAbsolutePath()));
        server.start();
    }

    @Override
    public void destroy() throws IOException {
        server.stop(true);
    }
}
