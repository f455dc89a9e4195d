User.where(name: params[:name])
User.where("name = ?", params[:name])
Order.find_by_sql(["SELECT * FROM orders WHERE status = ?", status])
Post.order(created_at: :desc)
users.select { |user| user.active? }
