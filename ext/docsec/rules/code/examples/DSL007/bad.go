cfg := Config{User: "app", Password: "Wint3r-2024!"}  // expect: DSL007
const apiToken = "ghp_Zq8X2vK9mR4tL7wN3pB6yC1dF5hJ0sA2eG8u"  // expect: DSL007 DSC002
