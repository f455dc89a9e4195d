$files = shell_exec("ls " . $request->input("dir"));  // expect: DSL001
