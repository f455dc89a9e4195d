var cmd = new SqlCommand("SELECT * FROM Users WHERE Name = '" + name + "'", conn);  // expect: DSL002
command.CommandText = $"DELETE FROM Orders WHERE Id = {id}";  // expect: DSL002
var blogs = context.Blogs.FromSqlRaw($"SELECT * FROM Blogs WHERE Author = '{author}'").ToList();  // expect: DSL002
var users = connection.Query<User>("SELECT * FROM Users WHERE Email = '" + email + "'");  // expect: DSL002
