namespace Pipeline.Targets; internal static class Placeholder { }
