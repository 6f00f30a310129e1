using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace TaxiDuration.Serving.Tests.Fuzzing;

/// <summary>One generated HTTP request: well-formed HTTP, anything else fair game (what a client, not a broken proxy, can send).</summary>
public sealed record FuzzRequest(string Method, string Path, string? ContentType, string? Accept, string? ClientId, byte[]? Body)
{
    public override string ToString() =>
        $"{Method} {Path} [Content-Type: {ContentType ?? "-"}; Accept: {Accept ?? "-"}] {(Body is null ? "(no body)" : Encoding.UTF8.GetString(Body[..Math.Min(Body.Length, 200)]))}";

    /// <summary>Requests over the whole surface: methods (also invented), paths, content types and charsets, accept headers and bodies.</summary>
    public static Arbitrary<FuzzRequest> Arbitrary() =>
        (from method in Gen.Frequency((6, Gen.Elements("POST")), (2, Gen.Elements("GET", "HEAD", "PUT", "DELETE", "PATCH", "OPTIONS")), (1, InventedMethod()))
         from path in Gen.Frequency((6, Gen.Elements("/predict", "/predict/batch")), (2, Gen.Elements("/predict/", "/predict?x=1", "/health/ready", "/health/live", "/metrics", "/openapi/v1.json")), (1, Gen.Elements("/", "/nope", "/predict/batch/extra", "/PREDICT", "/%2e%2e/etc", "/predict%20x")))
         from contentType in Gen.Elements(
             null, "application/json", "application/json; charset=utf-8", "application/json; charset=\"utf-8\"", "application/json; charset=UTF8",
             "application/json; charset=foo", "application/json; charset=", "application/json; charset=utf-7", "application/json; charset=utf-16",
             "text/plain", "application/x-www-form-urlencoded", "application/problem+json", "multipart/form-data; boundary=x", "application/vnd.api+json", "*/*")
         from accept in Gen.Elements(null, "application/json", "text/html", "image/png", "*/*", "application/xml")
         from clientId in Gen.Elements(null, "client-1", "", "a b;c=d\"e", new string('x', 500))
         from body in Bodies()
         select new FuzzRequest(method, path, contentType, accept, clientId, body)).ToArbitrary();

    private static Gen<string> InventedMethod() =>
        from length in Gen.Choose(1, 12)
        from letters in Gen.ArrayOf(Gen.Elements("ABCDEFGHIJKLMNOPQRSTUVWXYZ".ToCharArray()), length)
        select new string(letters);

    private static Gen<byte[]?> Bodies() =>
        Gen.Frequency(
            (1, Gen.Constant<byte[]?>(null)),
            (8, JsonText().Select(text => (byte[]?)Encoding.UTF8.GetBytes(text))),
            (1, Gen.ArrayOf(Gen.Choose(0, 255).Select(value => (byte)value)).Select(bytes => (byte[]?)bytes)));

    private static Gen<string> JsonText() => Gen.OneOf(
        Ride(),
        from rides in Gen.ListOf(Ride()) select $"{{\"rides\": [{string.Join(",", rides)}]}}",
        from count in Gen.Elements(1_000, 1_001, 5_000) select $"{{\"rides\": [{string.Join(",", Enumerable.Repeat("{\"PULocationID\": 1, \"DOLocationID\": 2, \"trip_distance\": 1}", count))}]}}",
        Gen.Elements(
            "", "null", "[]", "{}", "{", "}", "\"text\"", "42", "{\"rides\": null}", "{\"rides\": [null]}", "{\"rides\": {}}",
            "{\"PULocationID\": 1e400}", "{\"trip_distance\": NaN}", "{\"a\":" + new string('[', 200) + new string(']', 200) + "}",
            "{\"PULocationID\": \"43\", \"DOLocationID\": 151, \"trip_distance\": 1}", "\uFEFF{\"PULocationID\": 1}"));

    private static Gen<string> Ride() =>
        from pickup in Number()
        from dropoff in Number()
        from distance in Number()
        from time in Gen.Elements(null, "\"2021-02-01T08:30:00\"", "\"yesterday\"", "\"2021-02-30T00:00:00\"", "123", "null")
        from drop in Gen.Elements(0, 1, 2, 3, 4)
        let fields = new[] { $"\"PULocationID\": {pickup}", $"\"DOLocationID\": {dropoff}", $"\"trip_distance\": {distance}", time is null ? null : $"\"pickup_datetime\": {time}" }
        select "{" + string.Join(", ", fields.Where((field, index) => field is not null && index != drop)) + "}";

    private static Gen<string> Number() => Gen.Elements(
        "1", "43", "265", "266", "0", "-1", "2147483648", "1.5", "0.0", "500", "500.0001", "-0", "1e308", "\"7\"", "true", "null", "[]", "{}");
}
