Console.Error.WriteLine("usage: wit-host <command>");
return 2;
