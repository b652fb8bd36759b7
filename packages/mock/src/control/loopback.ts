import ipaddr from 'ipaddr.js';

/**
 * Whether a socket's remote address is this machine: 127.0.0.0/8, ::1, or either written as
 * an IPv4-mapped IPv6 address (how a dual-stack server reports IPv4 peers).
 */
export function isLoopbackAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === 'loopback';
}
