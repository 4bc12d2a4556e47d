package io.omnihub.routes.integrations.files;

import io.omnihub.routes.integrations.DeliveryResult;
import io.omnihub.routes.integrations.IntegrationTarget;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * Appends lines to a file on an SFTP server (Apache MINA SSHD). The server must present the host
 * key whose fingerprint is configured: each target has its own SSH client whose key verifier is in
 * place before it connects (MINA's default accepts any key). One session per target is kept open
 * and opened again when it broke. Any failure is worth another try later.
 */
final class SftpDrops {

    private static final Duration CONNECT = Duration.ofSeconds(10);

    private final Map<String, ClientSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, SshClient> clients = new ConcurrentHashMap<>();

    synchronized DeliveryResult append(String name, IntegrationTarget.FileDrop file, String fileName, String line,
            String header) {
        IntegrationTarget.Sftp server = file.sftp();
        String path = file.directory().replaceAll("/$", "") + "/" + fileName;
        try {
            ClientSession session = session(name, server);
            try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                ensureDirectory(sftp, file.directory());
                boolean fresh = !exists(sftp, path);
                try (OutputStream out = sftp.write(path, SftpClient.OpenMode.Write, SftpClient.OpenMode.Create,
                        SftpClient.OpenMode.Append)) {
                    out.write(((fresh ? header : "") + line).getBytes(StandardCharsets.UTF_8));
                }
            }
            return DeliveryResult.delivered(0);
        } catch (IOException e) {
            ClientSession broken = sessions.remove(name);
            if (broken != null) {
                broken.close(true);
            }
            return DeliveryResult.retry(null, "cannot write sftp://" + server.host() + path + ": " + e.getMessage());
        }
    }

    private ClientSession session(String name, IntegrationTarget.Sftp server) throws IOException {
        ClientSession open = sessions.get(name);
        if (open != null && open.isOpen() && open.isAuthenticated()) {
            return open;
        }
        SshClient client = clients.computeIfAbsent(name, n -> {
            SshClient created = SshClient.setUpDefaultClient();
            created.setServerKeyVerifier((s, address, key) -> matches(server.hostKey(), key));
            created.start();
            return created;
        });
        ClientSession session = client.connect(server.username(), server.host(), server.port())
                .verify(CONNECT).getSession();
        if (server.password() != null) {
            session.addPasswordIdentity(server.password());
        } else {
            new FileKeyPairProvider(server.privateKey()).loadKeys(session).forEach(session::addPublicKeyIdentity);
        }
        session.auth().verify(CONNECT);
        sessions.put(name, session);
        return session;
    }

    static boolean matches(String fingerprint, PublicKey key) {
        return fingerprint.equals(KeyUtils.getFingerPrint(BuiltinDigests.sha256, key));
    }

    private static void ensureDirectory(SftpClient sftp, String directory) throws IOException {
        StringBuilder path = new StringBuilder(directory.startsWith("/") ? "" : ".");
        for (String part : directory.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            path.append('/').append(part);
            if (!exists(sftp, path.toString())) {
                sftp.mkdir(path.toString());
            }
        }
    }

    private static boolean exists(SftpClient sftp, String path) throws IOException {
        try {
            sftp.stat(path);
            return true;
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE) {
                return false;
            }
            throw e;
        }
    }
}
