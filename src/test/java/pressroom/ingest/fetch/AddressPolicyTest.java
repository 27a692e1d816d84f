package pressroom.ingest.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressPolicyTest {
  private final AddressPolicy publicOnly = new AddressPolicy(false);
  private final AddressPolicy privateAllowed = new AddressPolicy(true);

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          0.0.0.0                  | an unspecified address
          0.1.2.3                  | a reserved address
          10.0.0.5                 | a private address
          10.255.255.255           | a private address
          172.16.0.1               | a private address
          172.31.255.255           | a private address
          192.168.1.1              | a private address
          127.0.0.1                | a loopback address
          127.255.255.254          | a loopback address
          169.254.1.1              | a link-local address
          100.64.0.1               | a carrier-grade NAT address
          100.127.255.255          | a carrier-grade NAT address
          192.0.0.8                | a reserved address
          192.0.2.1                | a reserved address
          198.18.0.1               | a reserved address
          198.51.100.7             | a reserved address
          203.0.113.9              | a reserved address
          224.0.0.1                | a multicast address
          239.255.255.250          | a multicast address
          240.0.0.1                | a reserved address
          255.255.255.255          | a broadcast address
          ::                       | an unspecified address
          ::1                      | a loopback address
          fe80::1                  | a link-local address
          febf:ffff::1             | a link-local address
          fc00::1                  | a private address
          fd12:3456:789a::1        | a private address
          fec0::1                  | a private address
          ff02::1                  | a multicast address
          ff05::1:3                | a multicast address
          ::ffff:127.0.0.1         | a loopback address
          ::ffff:10.0.0.1          | a private address
          ::127.0.0.1              | a loopback address
          ::192.168.0.1            | a private address
          64:ff9b::7f00:1          | a loopback address
          64:ff9b::ac10:1          | a private address
          2002:7f00:1::1           | a loopback address
          2002:c0a8:101::1         | a private address
          2001:db8::1              | a reserved address
          2001:0:4136:e378:8000:63bf:3fff:fdd2 | a reserved address
          100::1                   | a reserved address
          4000::1                  | a reserved address
          """)
  void internalAddressesAreRefusedUnlessPrivateOnesAreAllowed(String text, String kind)
      throws UnknownHostException {
    InetAddress address = InetAddress.getByName(text);

    assertThat(AddressPolicy.kind(address)).contains(kind);
    assertThat(publicOnly.refusal(address)).contains(kind);
    assertThat(publicOnly.allows(address)).isFalse();
    assertThat(privateAllowed.allows(address)).isTrue();
  }

  @ParameterizedTest(name = "{0} is a metadata service")
  @ValueSource(
      strings = {
        "169.254.169.254",
        "169.254.170.2",
        "100.100.100.200",
        "192.0.0.192",
        "fd00:ec2::254",
        "::ffff:169.254.169.254",
        "64:ff9b::a9fe:a9fe"
      })
  void cloudMetadataServicesAreRefusedEvenWhenPrivateAddressesAreAllowed(String text)
      throws UnknownHostException {
    InetAddress address = InetAddress.getByName(text);

    assertThat(publicOnly.refusal(address)).contains("a cloud metadata address");
    assertThat(privateAllowed.refusal(address)).contains("a cloud metadata address");
  }

  @ParameterizedTest(name = "{0} is public")
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "93.184.216.34",
        "11.0.0.1",
        "100.63.255.255",
        "100.128.0.0",
        "169.253.255.255",
        "172.15.255.255",
        "172.32.0.0",
        "192.167.255.255",
        "192.169.0.1",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "2001:4860:4860::8888",
        "2a00:1450:4001:80b::200e",
        "::ffff:8.8.8.8",
        "64:ff9b::808:808",
        "2002:808:808::1"
      })
  void publicAddressesAreAllowed(String text) throws UnknownHostException {
    InetAddress address = InetAddress.getByName(text);

    assertThat(AddressPolicy.kind(address)).isEmpty();
    assertThat(publicOnly.allows(address)).isTrue();
    assertThat(privateAllowed.allows(address)).isTrue();
  }

  @Test
  void anIpv4MappedAddressKeptInIpv6FormIsJudgedByItsIpv4Part() throws UnknownHostException {
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 127;
    mapped[15] = 1;
    InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

    assertThat(address).isInstanceOf(Inet6Address.class);
    assertThat(publicOnly.refusal(address)).contains("a loopback address");
  }

  @Test
  void aTreatedAddressPassesWhileItsNeighboursMeetTheRules() throws UnknownHostException {
    AddressPolicy policy = publicOnly.treating(InetAddress.getByName("127.0.0.1"));

    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.2"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("::1"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("169.254.169.254"))).isFalse();
  }
}
