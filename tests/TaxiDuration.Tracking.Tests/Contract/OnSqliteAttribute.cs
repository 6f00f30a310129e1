using System.Reflection;
using Xunit.Sdk;

namespace TaxiDuration.Tracking.Tests.Contract;

/// <summary>The row of a contract theory that runs it against the embedded SQLite store.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Backend.Sqlite]];
}
