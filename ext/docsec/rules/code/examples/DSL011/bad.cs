public IActionResult Search()
{
    return Content("<p>Results for " + Request.Query["q"] + "</p>", "text/html");  // expect: DSL011
}
