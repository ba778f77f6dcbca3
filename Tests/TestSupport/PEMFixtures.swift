/// PEM material for tests of what is and is not a credential. Public by design: no key material.
public enum PEMFixtures {
    /// A real self-signed certificate (EC P-256, CN=kubernetes), as `kube-root-ca.crt` holds the cluster CA.
    public static let selfSignedCertificate = """
    -----BEGIN CERTIFICATE-----
    MIIBfzCCASWgAwIBAgIUJTJ0/aSYw01uhthKWOz0fc59W6gwCgYIKoZIzj0EAwIw
    FTETMBEGA1UEAwwKa3ViZXJuZXRlczAeFw0yNjEyMDIwNzAxMjNaFw0zNjExMjkw
    NzAxMjNaMBUxEzARBgNVBAMMCmt1YmVybmV0ZXMwWTATBgcqhkjOPQIBBggqhkjO
    PQMBBwNCAAQLVriNB+jx2/RwTqy19espOLUTizULhGfMsmVezjG/6bTApGy9tYlM
    XiCqNrQTUlJrayHO8KskRx+81yu+Sz52o1MwUTAdBgNVHQ4EFgQU8AqqSkov3mf3
    FOfDMGXj85vzygMwHwYDVR0jBBgwFoAU8AqqSkov3mf3FOfDMGXj85vzygMwDwYD
    VR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNIADBFAiAzPIYrGDvXq/vIgaCYTeCc
    YygYHX15lzknYPWXa6pvoQIhAJVD6PGF4HvvES12Ui6OrcZ/IwwTQ+PABcHNaEkL
    +SD5
    -----END CERTIFICATE-----


    """
}
