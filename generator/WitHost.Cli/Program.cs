using WitHost.Cli;

return WitHostCli.Run(args, Console.Out, Console.Error);
