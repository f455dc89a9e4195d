public IActionResult Download(string name)
{
    var text = File.ReadAllText(Path.Combine("/srv/files", Request.Query["name"]));  // expect: DSL012
    return Content(text);
}
