public IActionResult Download()
{
    var text = File.ReadAllText(Path.Combine("/srv/files", Path.GetFileName(Request.Query["name"])));
    return Content(text);
}
