import ipaddr from 'ipaddr.js';

/**
 * IP allowlists: IPv4 and IPv6 CIDRs (a bare address is a single host). IPv4-mapped IPv6
 * addresses (`::ffff:203.0.113.7`, as node reports IPv4 clients on a dual-stack socket) are
 * compared as IPv4.
 */
type Range = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** The parsed range, or null when `text` is not a valid CIDR or address. */
export function parseCidr(text: string): Range | null {
  try {
    if (text.includes('/')) {
      const range = ipaddr.parseCIDR(text);
      return [normalise(range[0]), range[0].kind() === 'ipv6' && normalise(range[0]).kind() === 'ipv4' ? range[1] - 96 : range[1]];
    }
    if (!ipaddr.isValid(text)) return null;
    const address = normalise(ipaddr.parse(text));
    return [address, address.kind() === 'ipv4' ? 32 : 128];
  } catch {
    return null;
  }
}

function normalise(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  if (address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress()) return (address as ipaddr.IPv6).toIPv4Address();
  return address;
}

export function isAddressAllowed(address: string, allowlist: readonly string[]): boolean {
  let client: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    client = normalise(ipaddr.parse(address));
  } catch {
    return false;
  }
  return allowlist.some((cidr) => {
    const range = parseCidr(cidr);
    return range !== null && range[0].kind() === client.kind() && client.match(range as [typeof client, number]);
  });
}
