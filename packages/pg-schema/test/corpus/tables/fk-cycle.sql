-- @version 1
CREATE TABLE departments (id int PRIMARY KEY, manager_id int);
CREATE TABLE employees (id int PRIMARY KEY, department_id int REFERENCES departments (id));
ALTER TABLE departments ADD CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id);
-- @version 2
CREATE TABLE departments (id int PRIMARY KEY);
CREATE TABLE employees (id int PRIMARY KEY, department_id int);
-- @version 3
CREATE TABLE departments (id int PRIMARY KEY, manager_id int);
CREATE TABLE employees (id int PRIMARY KEY, department_id int REFERENCES departments (id));
ALTER TABLE departments ADD CONSTRAINT departments_manager_fk FOREIGN KEY (manager_id) REFERENCES employees (id);
