package dev.crabbox.cli.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A throwaway CA and a server certificate for an IP address, made with the openssl tool: the
 * origin serves the certificate (PKCS#12), the lease user's browser trusts the CA.
 */
final class TestPki {
  static final String STORE_PASSWORD = "crabbox-test";

  final Path caCertificate;
  final Path serverStore;

  private TestPki(Path caCertificate, Path serverStore) {
    this.caCertificate = caCertificate;
    this.serverStore = serverStore;
  }

  static TestPki forAddress(Path dir, String address) throws IOException {
    Files.createDirectories(dir);
    String ca = dir.resolve("ca.pem").toString();
    String caKey = dir.resolve("ca.key").toString();
    String key = dir.resolve("server.key").toString();
    String csr = dir.resolve("server.csr").toString();
    String cert = dir.resolve("server.pem").toString();
    String ext = dir.resolve("server.ext").toString();
    String store = dir.resolve("server.p12").toString();
    Shell.check("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-keyout", caKey,
        "-out", ca, "-subj", "/CN=crabbox system test CA", "-addext", "basicConstraints=critical,CA:TRUE",
        "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    Shell.check("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", csr,
        "-subj", "/CN=" + address);
    Files.writeString(Path.of(ext), "subjectAltName=IP:" + address + "\nextendedKeyUsage=serverAuth\n"
        + "basicConstraints=CA:FALSE\n");
    Shell.check("openssl", "x509", "-req", "-in", csr, "-CA", ca, "-CAkey", caKey, "-CAcreateserial",
        "-days", "2", "-out", cert, "-extfile", ext);
    Shell.check("openssl", "pkcs12", "-export", "-in", cert, "-inkey", key, "-out", store,
        "-passout", "pass:" + STORE_PASSWORD);
    return new TestPki(Path.of(ca), Path.of(store));
  }
}
