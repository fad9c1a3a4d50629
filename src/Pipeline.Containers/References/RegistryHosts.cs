using System.Net;

namespace Pipeline.Containers;

/// <summary>Facts about registry host names: validation, loopback detection, the API endpoint of Docker Hub.</summary>
internal static class RegistryHosts
{
    public static bool IsLoopback(string registry)
    {
        var host = HostOf(registry);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>The host to call for the registry API (Docker Hub's API is not at docker.io).</summary>
    public static string ApiHost(string registry) => registry == ImageReference.DockerHub ? "registry-1.docker.io" : registry;

    public static string HostOf(string registry)
    {
        if (registry.StartsWith('['))
        {
            var close = registry.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? registry : registry[..(close + 1)];
        }

        var colon = registry.LastIndexOf(':');
        return colon < 0 ? registry : registry[..colon];
    }

    public static string? Validate(string registry)
    {
        var host = HostOf(registry);
        if (host.Length < registry.Length)
        {
            if (registry[host.Length] != ':')
            {
                return $"registry '{registry}' has '{registry[host.Length..]}' after the address; write a port as ':5000'";
            }

            var port = registry[(host.Length + 1)..];
            // int.TryParse alone would take a trailing NUL ("5000\0"), so the digits are checked first.
            if (!port.All(char.IsAsciiDigit) || !int.TryParse(port, System.Globalization.NumberStyles.None, null, out var number) || number is < 1 or > 65535)
            {
                return $"registry '{registry}' has port '{port}'; a port is a number from 1 to 65535";
            }
        }

        if (host.StartsWith('['))
        {
            var address = host.EndsWith(']') ? host[1..^1] : "";
            return address.All(c => char.IsAsciiHexDigit(c) || c == ':')
                && IPAddress.TryParse(address, out var parsed) && parsed.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
                ? null
                : $"registry '{registry}' has an invalid IPv6 address; write it in brackets, in hex digits and colons, like '[::1]:5000'";
        }

        foreach (var label in host.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-' || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return $"registry '{registry}' is not a valid host name (label '{label}')";
            }
        }

        return null;
    }
}
