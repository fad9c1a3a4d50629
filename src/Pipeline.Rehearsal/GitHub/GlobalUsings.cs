// The local GitHub server's layers are used throughout it: its state, hosting helpers, auth, git, and ASP.NET Core.
global using System.Text;
global using System.Text.Json;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Pipeline.Rehearsal.GitHub.Auth;
global using Pipeline.Rehearsal.GitHub.Git;
global using Pipeline.Rehearsal.GitHub.Hosting;
global using Pipeline.Rehearsal.GitHub.Rest.Repositories;
global using Pipeline.Rehearsal.GitHub.State;
