using System.CommandLine;
using TaxiDuration.Trips;

namespace TaxiDuration.CommandLine.Tests;

/// <summary>The one convention of every tool: usage errors are exit 2 before any work, failures one line, never a stack trace.</summary>
public sealed class CommandLineAppTests
{
    [Theory]
    [InlineData("--train", "2024-13", "--train '2024-13' is not a month")]
    [InlineData("--model", "fancy", "fancy")]
    [InlineData("--unknown", "x", "--unknown")]
    [InlineData("--test", "2021-3x", "--test '2021-3x' is not a month")]
    [InlineData("--train", "2020-01", "--train 2020-01 is refused")]
    public async Task A_wrong_argument_is_exit_2_naming_it_and_nothing_runs(string option, string value, string expected)
    {
        var tool = new Tool();
        using var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(tool.Root, [option, value], error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains(expected, error.ToString(), StringComparison.Ordinal);
        Assert.False(tool.Ran);
    }

    [Fact]
    public async Task A_choice_error_lists_the_valid_choices()
    {
        var tool = new Tool();
        using var error = new StringWriter();

        await CommandLineApp.RunAsync(tool.Root, ["--model", "xgb"], error);

        Assert.Contains("linear", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("lightgbm", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Valid_arguments_run_the_command_with_parsed_values()
    {
        var tool = new Tool();

        var exitCode = await CommandLineApp.RunAsync(tool.Root, ["--train", "green 2024-02", "--test", "none", "--model", "lightgbm"]);

        Assert.Equal(ExitCodes.Success, exitCode);
        Assert.True(tool.Ran);
        Assert.Equal(new TaxiMonth(TaxiService.Green, 2024, 2), tool.Train);
        Assert.Null(tool.Test);
    }

    [Fact]
    public async Task Absent_options_take_their_defaults()
    {
        var tool = new Tool();

        Assert.Equal(ExitCodes.Success, await CommandLineApp.RunAsync(tool.Root, []));
        Assert.Equal(new TaxiMonth(TaxiService.Green, 2021, 1), tool.Train);
        Assert.Equal(new TaxiMonth(TaxiService.Green, 2021, 1), tool.Validated);
        Assert.Equal(new TaxiMonth(TaxiService.Green, 2021, 3), tool.Test);
    }

    [Theory]
    [InlineData(typeof(FileNotFoundException), ExitCodes.Failed)]
    [InlineData(typeof(InvalidDataException), ExitCodes.Failed)]
    [InlineData(typeof(UnauthorizedAccessException), ExitCodes.Failed)]
    public async Task An_environment_failure_is_one_line_and_exit_1(Type failure, int expectedExitCode)
    {
        var tool = new Tool { Throw = (Exception)Activator.CreateInstance(failure, "the store at /x is not a store")! };
        using var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(tool.Root, [], error);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Equal("error: the store at /x is not a store", error.ToString().Trim());
    }

    [Fact]
    public async Task A_command_chooses_its_own_exit_code_for_an_expected_failure()
    {
        var tool = new Tool { Throw = new CommandFailedException(ExitCodes.DataUnavailable, "2024-05 is not available") };
        using var error = new StringWriter();

        Assert.Equal(ExitCodes.DataUnavailable, await CommandLineApp.RunAsync(tool.Root, [], error));
        Assert.Contains("2024-05 is not available", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bug_is_not_hidden()
    {
        var tool = new Tool { Throw = new NullReferenceException("a bug") };

        await Assert.ThrowsAsync<NullReferenceException>(() => CommandLineApp.RunAsync(tool.Root, []));
    }

    [Fact]
    public void Data_options_become_the_catalog_settings()
    {
        var allowSynthetic = CommonOptions.AllowSynthetic();
        var offline = CommonOptions.Offline();
        var root = new RootCommand { allowSynthetic, offline };

        var settings = CommonOptions.DataSettings(root.Parse(["--allow-synthetic", "--offline"]), allowSynthetic, offline).ToDictionary();
        var defaults = CommonOptions.DataSettings(root.Parse([]), allowSynthetic, offline).ToDictionary();

        Assert.Equal("True", settings["Data:AllowSynthetic"]);
        Assert.Equal("False", settings["Data:AllowDownload"]);
        Assert.Equal("False", defaults["Data:AllowSynthetic"]);
        Assert.Equal("True", defaults["Data:AllowDownload"]);
    }

    [Theory]
    [InlineData("--service", "http://example.com:8080", "must be an http URL on loopback")]
    [InlineData("--service", "127.0.0.1:8080", "must be an http URL on loopback")]
    [InlineData("--webhook", "ftp://127.0.0.1/x", "must be an absolute http or https URL")]
    [InlineData("--webhook", "not a url", "must be an absolute http or https URL")]
    public async Task A_url_that_is_not_http_or_leaves_loopback_when_it_must_not_is_a_usage_error(string option, string value, string expected)
    {
        var tool = new Tool();
        using var error = new StringWriter();

        var exitCode = await CommandLineApp.RunAsync(tool.Root, [option, value], error);

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains($"{option} '{value}' {expected}", error.ToString(), StringComparison.Ordinal);
        Assert.False(tool.Ran);
    }

    [Fact]
    public async Task Urls_are_parsed_and_an_absent_one_is_null()
    {
        var tool = new Tool();

        Assert.Equal(ExitCodes.Success, await CommandLineApp.RunAsync(tool.Root, ["--service", "http://localhost:5000"]));
        Assert.Equal(new Uri("http://localhost:5000"), tool.Service);
        Assert.Null(tool.Webhook);
    }

    /// <summary>A tool with the common options that records whether and how it ran.</summary>
    private sealed class Tool
    {
        public Tool()
        {
            var train = CommonOptions.Month("--train", "training month", "2021-01");
            var test = CommonOptions.OptionalMonth("--test", "test month", "2021-03");
            var model = CommonOptions.Choice("--model", "trainer", "linear", ["linear", "fasttree", "lightgbm"]);
            var service = CommonOptions.Url("--service", "a service on this machine", loopbackOnly: true);
            var webhook = CommonOptions.Url("--webhook", "anywhere");
            Root = new RootCommand("test tool") { train, test, model, service, webhook };
            // Validators see defaults too: with no --train given, the default month is compared.
            Root.Validators.Add(command =>
            {
                if (!command.TryValueOf(train, out var month))
                {
                    return;
                }

                if (month == new TaxiMonth(TaxiService.Green, 2020, 1))
                {
                    command.AddError("--train 2020-01 is refused by this tool");
                }

                Validated = month;
            });
            Root.SetAction(parsed =>
            {
                Ran = true;
                Train = parsed.GetValue(train);
                Test = CommonOptions.MonthOrNone(parsed.GetValue(test));
                Service = parsed.GetValue(service);
                Webhook = parsed.GetValue(webhook);
                return Throw is null ? ExitCodes.Success : throw Throw;
            });
        }

        public RootCommand Root { get; }

        public Exception? Throw { get; init; }

        public bool Ran { get; private set; }

        public TaxiMonth Validated { get; private set; }

        public TaxiMonth Train { get; private set; }

        public TaxiMonth? Test { get; private set; }

        public Uri? Service { get; private set; }

        public Uri? Webhook { get; private set; }
    }
}
