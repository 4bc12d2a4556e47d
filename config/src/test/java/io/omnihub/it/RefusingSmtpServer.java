package io.omnihub.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.test.context.TestComponent;

/**
 * An SMTP server that refuses, as real servers do: {@code RCPT TO} a {@code gone-…} address is
 * answered {@code 550 5.1.1} (the mailbox does not exist: permanent), a {@code busy-…} address
 * {@code 451 4.3.0} (try again later: transient). Speaks just enough SMTP for Jakarta Mail.
 */
@TestComponent
public class RefusingSmtpServer implements DisposableBean {

    static final int PORT = 31026;

    private final ServerSocket server;
    private final Thread acceptor;

    RefusingSmtpServer() throws IOException {
        server = new ServerSocket(PORT, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::acceptLoop, "refusing-smtp");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "refusing-smtp-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(),
                     StandardCharsets.US_ASCII));
             PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing.test ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.toUpperCase();
                if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                    reply(out, "250 refusing.test");
                } else if (command.startsWith("MAIL FROM")) {
                    reply(out, "250 2.1.0 Ok");
                } else if (command.startsWith("RCPT TO") && command.contains("GONE-")) {
                    reply(out, "550 5.1.1 <" + line.replaceAll(".*<|>.*", "") + ">: Recipient address rejected: "
                            + "User unknown in virtual mailbox table");
                } else if (command.startsWith("RCPT TO") && command.contains("BUSY-")) {
                    reply(out, "451 4.3.0 Temporary lookup failure, try again later");
                } else if (command.startsWith("RCPT TO")) {
                    reply(out, "250 2.1.5 Ok");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 2.0.0 Bye");
                    return;
                } else if (command.startsWith("RSET") || command.startsWith("NOOP")) {
                    reply(out, "250 2.0.0 Ok");
                } else {
                    reply(out, "502 5.5.2 Error: command not recognized");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void destroy() throws IOException {
        server.close();
    }
}
