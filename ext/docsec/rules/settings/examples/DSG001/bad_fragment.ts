tlsAllowInvalidHostnames: true,  // expect: DSG001
