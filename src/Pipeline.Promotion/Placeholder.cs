namespace Pipeline.Promotion; internal static class Placeholder { }
