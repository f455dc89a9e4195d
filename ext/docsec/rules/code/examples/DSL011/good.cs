public IActionResult Search()
{
    return Content("<p>Results for " + HtmlEncoder.Default.Encode(Request.Query["q"]) + "</p>", "text/html");
}
