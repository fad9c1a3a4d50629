namespace Pipeline.Containers; internal static class Placeholder { }
