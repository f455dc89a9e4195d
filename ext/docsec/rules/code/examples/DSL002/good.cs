var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = @name", conn);
cmd.Parameters.AddWithValue("@name", name);
var blogs = context.Blogs.FromSql($"SELECT * FROM Blogs WHERE Author = {author}").ToList();
var users = connection.Query<User>("SELECT * FROM Users WHERE Email = @Email", new { Email = email });
