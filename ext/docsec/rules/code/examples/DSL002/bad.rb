User.where("name = '#{params[:name]}'")  # expect: DSL002
Order.find_by_sql("SELECT * FROM orders WHERE status = '#{status}'")  # expect: DSL002
ActiveRecord::Base.connection.execute("DELETE FROM sessions WHERE user_id = " + user_id)  # expect: DSL002
Post.order("#{params[:sort]} DESC")  # expect: DSL002
